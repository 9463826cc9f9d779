package main

import (
	"context"
	"fmt"
)

// evalConllu is a placeholder until its owner lands it.
func evalConllu(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
