// Command dyad turns news into political event data: who did what to whom,
// when and where. Each subcommand lives in its own file; this one only
// dispatches.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// env is what a subcommand may touch of the outside world, so that tests
// can run subcommands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand. run returns the process exit status.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) int
}

func commands() map[string]command {
	return map[string]command{
		"ingest":   {"code articles and keep them with their events in a store (SQLite or PostgreSQL); resumable", runIngest},
		"code":     {"code the events of articles: who did what to whom, when and where", runCode},
		"read":     {"print the articles found in files, directories or stdin", runRead},
		"kb":       {"query the actor knowledge base (kb lookup TEXT)", runKB},
		"ontology": {"list PLOVER types and modes, CAMEO codes, Goldstein scores and mappings", runOntology},
		"eval":     {"score dyad against gold data (eval clean|extract|segment|conllu|ner ...)", runEval},
		"train":    {"rebuild a model from the data in ../shared/data (train tagger|parser|ner)", runTrain},
		"parse":    {"text or CoNLL-U in, CoNLL-U out: tags, lemmas, dependencies, entities", runParse},
		"query":    {"ask the store: query relations A B | events | actors", runQuery},
		"gen":      {"fill a store with synthetic events for load tests", runGen},
		"serve":    {"serve the JSON API and the web UI (127.0.0.1:8080 by default)", runServe},
		"export":   {"write stored events as GDELT 2.0 TSV, PLOVER JSONL, CSV or Parquet", runExport},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK       = 0
	exitFailed   = 1 // some input failed or the work could not be done
	exitUsage    = 2
	exitInternal = 3
)

func run(ctx context.Context, e env, args []string) (code int) {
	defer func() {
		// No panic reaches a user: report it as an internal error.
		if r := recover(); r != nil {
			fmt.Fprintf(e.stderr, "dyad: internal error: %v\n", r)
			code = exitInternal
		}
	}()
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: dyad <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'dyad <command> -h' for a command's flags.")
}
