package hugemem

import (
	"runtime"
	"testing"
	"unsafe"
)

type slot struct {
	key uint64
	w   [3]uint16
}

func TestStatic(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		aligned bool
	}{
		{"empty", 0, false},
		{"small", 100, false},
		{"just below a huge page", hugePage/16 - 1, false},
		{"one huge page", hugePage / 16, true},
		{"several and a bit", 5*hugePage/16 + 7, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Static[slot](tt.n)
			if len(s) != tt.n || cap(s) != tt.n {
				t.Fatalf("len %d cap %d, want %d", len(s), cap(s), tt.n)
			}
			for i := range s {
				if s[i] != (slot{}) {
					t.Fatalf("element %d not zero: %+v", i, s[i])
				}
				s[i].key = uint64(i)
			}
			if tt.n == 0 {
				return
			}
			p := uintptr(unsafe.Pointer(&s[0]))
			if aligned := p%hugePage == 0; tt.aligned && runtime.GOOS == "linux" && !aligned {
				t.Errorf("start %#x not on a huge page boundary", p)
			}
			runtime.GC() // the slice keeps its memory alive
			for i := range s {
				if s[i].key != uint64(i) {
					t.Fatalf("element %d changed to %d", i, s[i].key)
				}
			}
		})
	}
}

func TestMakeNotStatic(t *testing.T) {
	s := Make[uint64](hugePage, false)
	if len(s) != hugePage {
		t.Fatalf("len %d, want %d", len(s), hugePage)
	}
	for i, x := range s {
		if x != 0 {
			t.Fatalf("element %d not zero", i)
		}
	}
}
