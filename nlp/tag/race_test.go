//go:build race

package tag

// raceEnabled reports a -race build, in which sync.Pool drops a quarter of
// what is put in it on purpose, so allocation counts mean nothing.
const raceEnabled = true
