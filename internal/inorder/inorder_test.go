package inorder

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	items := func(n int) func(func(int) error) error {
		return func(yield func(int) error) error {
			for i := range n {
				if err := yield(i); err != nil {
					return err
				}
			}
			return nil
		}
	}
	slowFirst := func(i int) (int, error) {
		time.Sleep(time.Duration((7*i)%5) * time.Millisecond) // later items often finish first
		return i * i, nil
	}
	for _, workers := range []int{0, 1, 3, 8} {
		var got []int
		err := Run(context.Background(), workers, items(40), slowFirst, func(r int) error { got = append(got, r); return nil })
		if err != nil || len(got) != 40 {
			t.Fatalf("workers %d: %d results, %v", workers, len(got), err)
		}
		for i, r := range got {
			if r != i*i {
				t.Fatalf("workers %d: result %d is %d, out of order", workers, i, r)
			}
		}
	}

	boom := errors.New("boom")
	for _, tc := range []struct {
		name    string
		produce func(func(int) error) error
		work    func(int) (int, error)
		emit    func(int) error
		want    string
	}{
		{"work error", items(10), func(i int) (int, error) {
			if i == 3 {
				return 0, boom
			}
			return i, nil
		}, func(int) error { return nil }, "boom"},
		{"work panic", items(10), func(i int) (int, error) {
			if i == 5 {
				panic("bad block")
			}
			return i, nil
		}, func(int) error { return nil }, "internal error: bad block"},
		{"emit error", items(1000), slowFirst, func(r int) error {
			if r == 4 {
				return boom
			}
			return nil
		}, "boom"},
		{"produce error", func(yield func(int) error) error {
			yield(1)
			return fmt.Errorf("read x: %w", boom)
		}, slowFirst, func(int) error { return nil }, "read x: boom"},
	} {
		err := Run(context.Background(), 3, tc.produce, tc.work, tc.emit)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Run(ctx, 2, items(100), slowFirst, func(int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
