package main

import (
	"context"
	"fmt"
)

// runParse is a placeholder until its owner lands it.
func runParse(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
