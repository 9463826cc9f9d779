// Package inorder runs work on items in parallel and hands the results
// on in the order the items came, so that a command's output does not
// depend on how many cores ran it. The pipeline codes articles with it
// and 'dyad parse' annotates blocks of text with it.
package inorder

import (
	"context"
	"fmt"
)

// Run runs work on the items produce yields, on up to workers
// goroutines at once, and passes each result to emit in the order the
// items came, so that output does not depend on the number of workers. At
// most 2*workers items are held at a time. A panic in work becomes that
// item's error; the first error of emit (including an item's) or of
// produce stops the run and is returned.
func Run[T, R any](ctx context.Context, workers int, produce func(yield func(T) error) error, work func(T) (R, error), emit func(R) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		r   R
		err error
	}
	order := make(chan chan result, workers) // each item's result, in input order
	busy := make(chan struct{}, workers)
	var produceErr error // written before order is closed
	go func() {
		defer close(order)
		produceErr = produce(func(item T) error {
			select {
			case busy <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			res := make(chan result, 1)
			go func() {
				defer func() { <-busy }()
				defer func() {
					if p := recover(); p != nil {
						res <- result{err: fmt.Errorf("internal error: %v", p)}
					}
				}()
				r, err := work(item)
				res <- result{r, err}
			}()
			select {
			case order <- res:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var emitErr error
	for res := range order {
		r := <-res
		if emitErr != nil {
			continue // drain, so that the producer and workers end
		}
		if emitErr = r.err; emitErr == nil {
			emitErr = emit(r.r)
		}
		if emitErr != nil {
			cancel()
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return produceErr
}
