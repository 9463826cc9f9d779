package main

import (
	"context"
	"fmt"
)

// trainNER is a placeholder until its owner lands it.
func trainNER(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
