package main

import (
	"context"
	"fmt"
)

// evalNER is a placeholder until its owner lands it.
func evalNER(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
