package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer lets the test read what the server goroutine writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"--addr", "nonsense"}, {"extra"}, {"--nosuchflag"}} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, append([]string{"serve"}, args...)); code != exitUsage {
			t.Errorf("serve %v: exit %d, want %d (%s)", args, code, exitUsage, errb.String())
		}
	}
}

func TestServeAnswersAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	var out bytes.Buffer
	if code := run(context.Background(), env{strings.NewReader(""), &out, io.Discard}, []string{"gen", "--events", "200", "--db", db}); code != exitOK {
		t.Fatalf("gen: exit %d", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errb := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env{strings.NewReader(""), io.Discard, errb}, []string{"serve", "--addr", "127.0.0.1:0", "--db", db})
	}()
	re := regexp.MustCompile(`listening on (http://[^ ]+/)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(errb.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no address printed: %s", errb.String())
	}
	resp, err := http.Get(base + "api/relations?a=USA&b=RUS&by=year")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"periods"`) {
		t.Errorf("relations: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("serve exit %d: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}
