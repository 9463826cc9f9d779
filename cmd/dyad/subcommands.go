package main

import (
	"context"
	"fmt"
	"sort"
)

// runSubcommand dispatches "dyad NAME SUB ..." to one of cmds, listing them
// when SUB is missing or unknown.
func runSubcommand(ctx context.Context, e env, name, what string, cmds map[string]command, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(e.stderr, "usage: dyad %s <%s> [arguments]\n", name, what)
		names := make([]string, 0, len(cmds))
		for n := range cmds {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(e.stderr, "  %-8s %s\n", n, cmds[n].summary)
		}
		return exitUsage
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad %s: unknown %s %q\n", name, what, args[0])
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}
