package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/dyad-events/dyad/server"
	"github.com/dyad-events/dyad/store"
)

func runServe(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on, HOST:PORT (port 0 picks a free one)")
	db := fs.String("db", store.DefaultDSN, "store: a SQLite file or a postgres:// URL")
	timeout := fs.Duration("timeout", 10*time.Second, "longest time one API request may take")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad serve [--addr HOST:PORT] [--db DSN] [--timeout D]")
		fmt.Fprintln(e.stderr, "Serves the JSON API (/api/..., described at /api/openapi.json) and the web UI until interrupted.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(e.stderr, "dyad serve: --addr %q: %v\n", *addr, err)
		return exitUsage
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad serve: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad serve: %v\n", err)
		return exitFailed
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	fmt.Fprintf(e.stderr, "dyad serve: listening on http://%s/ (store %s); Ctrl-C stops\n", l.Addr(), *db)
	if err := server.Serve(ctx, l, server.New(st, server.Options{Timeout: *timeout, Log: log})); err != nil {
		fmt.Fprintf(e.stderr, "dyad serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(e.stderr, "dyad serve: stopped")
	return exitOK
}
