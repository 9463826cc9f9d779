package main

import (
	"context"
	"fmt"
)

// trainTagger is a placeholder until its owner lands it.
func trainTagger(ctx context.Context, e env, args []string) int {
	fmt.Fprintln(e.stderr, "dyad: not built yet")
	return exitFailed
}
