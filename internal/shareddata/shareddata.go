// Package shareddata finds the third-party data that dyad's tests,
// benchmarks and generators read: ../shared/data beside the repository
// (or $DYAD_DATA). The data never enters the repository; a test that needs
// it skips, saying so, when it is absent.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository's root: the nearest directory above the
// working directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Dir returns the shared data directory: $DYAD_DATA, else ../shared/data
// beside the repository root. It does not check that it exists.
func Dir() (string, error) {
	if d := os.Getenv("DYAD_DATA"); d != "" {
		return d, nil
	}
	root, err := Root()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", "data"), nil
}

// Require returns the path of parts under the shared data directory, and
// skips tb with a message naming what is missing when it is absent.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	dir, err := Dir()
	if err != nil {
		tb.Skipf("shared data not found: %v", err)
	}
	p := filepath.Join(append([]string{dir}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s is absent (%v): tests that need third-party data read it from ../shared/data", p, err)
	}
	return p
}

// MustRoot is Root for tests: it fails tb when there is no repository root.
func MustRoot(tb testing.TB) string {
	tb.Helper()
	root, err := Root()
	if err != nil {
		tb.Fatal(fmt.Errorf("repository root: %w", err))
	}
	return root
}
