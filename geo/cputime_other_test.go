//go:build !unix

package geo

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
