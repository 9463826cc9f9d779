package main

import "time"

// machineReference measures the machine itself with a fixed workload
// shaped like dyad's hot paths (hashing, and reads at random places of a
// table too big for the caches), so that speeds measured on different
// days or CPUs can be set side by side: the same binary's throughput
// moves with this figure. It returns millions of table reads per second
// on the calling goroutine.
func machineReference() float64 {
	const (
		slots = 1 << 23 // 64 MB of uint64
		reads = 1 << 22
	)
	table := make([]uint64, slots)
	for i := range table {
		table[i] = uint64(i) * 0x9E3779B97F4A7C15
	}
	best := 0.0
	for range 3 {
		x, sum := uint64(88172645463325252), uint64(0)
		start := time.Now()
		for range reads {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			sum += table[x&(slots-1)] // independent reads: their misses overlap, as in dyad's scoring loops
		}
		if r := float64(reads) / time.Since(start).Seconds() / 1e6; r > best && sum != 1 {
			best = r
		}
	}
	return best
}

// cpuModel returns the CPU's model name (Linux), or "".
func cpuModel() string { return procField("/proc/cpuinfo", "model name") }
