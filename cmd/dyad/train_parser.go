package main

import (
	"context"
	"fmt"
)

// trainParser is a placeholder until its owner lands it.
func trainParser(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
