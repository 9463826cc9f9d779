//go:build unix

// Package cputime reads the CPU time the process has used, so that
// benchmarks can report throughput per CPU second on a machine shared with
// other work.
package cputime

import (
	"syscall"
	"time"
)

// Used returns the user and system CPU time of this process, 0 when the
// system cannot say.
func Used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
