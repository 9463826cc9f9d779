package ner

import (
	"bytes"
	"context"
	"testing"

	"github.com/dyad-events/dyad/actor"
)

func tinyExamples() []Example {
	return []Example{
		{Tokens: []string{"Mr", "Aliyev", "visited", "Ankara", "."}, Tags: []string{"B-PER", "I-PER", "O", "B-LOC", "O"}},
		{Tokens: []string{"NATO", "met", "in", "Baku", "."}, Tags: []string{"B-ORG", "O", "O", "B-LOC", "O"}},
		{Tokens: []string{"Ilham", "Aliyev", "spoke", "."}, Tags: []string{"B-PER", "I-PER", "O", "O"}},
		{Tokens: []string{"the", "Bank", "of", "Baku", "grew"}, Tags: []string{"O", "I-ORG", "I-ORG", "I-ORG", "O"}}, // IOB1
	}
}

// Training is reproducible and the model survives a write/read round trip.
func TestTrainRoundTrip(t *testing.T) {
	kb, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	opt := TrainOptions{Epochs: 5, Seed: 7, KB: kb, Gazetteer: NewGazetteerBuilder(), Lexicon: NewLexiconBuilder()}
	opt.Gazetteer.AddPhrase("Ganja", GazCity)
	var out [2]bytes.Buffer
	var m *Model
	for i := range out {
		if m, err = Train(context.Background(), tinyExamples(), opt); err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatal("two trainings with the same seed wrote different bytes")
	}
	m2, err := ReadModel(bytes.NewReader(out[0].Bytes()), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	r := New(m2, kb)
	got := r.Tags([]string{"Ilham", "Aliyev", "visited", "Baku", "."}, nil, nil)
	want := []string{"B-PER", "I-PER", "O", "B-LOC", "O"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tags %v, want %v", got, want)
		}
	}
	if v, ok := m2.gaz.t.get(NewGazetteerBuilder().key([]string{"Ganja"})); !ok || v&(1<<GazCity) == 0 {
		t.Errorf("gazetteer lost Ganja: %v %v", v, ok)
	}
}

func TestTrainErrors(t *testing.T) {
	_, err := Train(context.Background(), []Example{{Tokens: []string{"a"}, Tags: nil}}, TrainOptions{})
	if err == nil {
		t.Fatal("want an error for tags that do not match tokens")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, tinyExamples(), TrainOptions{}); err == nil {
		t.Fatal("want an error from a cancelled context")
	}
}

func TestReadModelErrors(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		if _, err := ReadModel(bytes.NewReader([]byte(in)), "bad"); err == nil {
			t.Errorf("ReadModel(%q): no error", in)
		}
	}
}

func TestNormTags(t *testing.T) {
	got := normTags([]string{"I-PER", "I-PER", "O", "I-MISC", "B-LOC", "I-ORG", "I-ORG"})
	want := []string{"B-PER", "I-PER", "O", "O", "B-LOC", "B-ORG", "I-ORG"}
	for i := range want {
		if labels[got[i]] != want[i] {
			t.Fatalf("normTags = %v, want %v", got, want)
		}
	}
}

func FuzzReadModel(f *testing.F) {
	var b bytes.Buffer
	m, _ := Train(context.Background(), tinyExamples(), TrainOptions{Epochs: 1})
	m.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte("DYADNER\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadModel(bytes.NewReader(data), "fuzz")
	})
}
