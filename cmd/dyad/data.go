package main

import (
	"os"
	"path/filepath"
)

// dataPath names a folder of the third-party data that evaluations and
// training read: $DYAD_DATA when set, else ../shared/data beside the
// repository, where developers and CI have it.
func dataPath(parts ...string) string {
	root := os.Getenv("DYAD_DATA")
	if root == "" {
		root = filepath.Join("..", "shared", "data")
	}
	return filepath.Join(append([]string{root}, parts...)...)
}
