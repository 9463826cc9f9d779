//go:build unix

package geo

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time so far, so that
// benchmarks can report CPU per operation, which a busy machine inflates
// less than wall time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
