package decode

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBadInput checks that each kind of bad input gives its kind and a
// one-line message that names the input.
func TestBadInput(t *testing.T) {
	garbage := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	jpeg := append([]byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), garbage[:512]...)
	ole := append([]byte(magicOLE), make([]byte, 1024)...)
	tests := []struct {
		name string
		data []byte
		opt  Options
		kind error
	}{
		{"empty.txt", nil, Options{}, ErrEmpty},
		{"blank.txt", []byte(" \r\n\t\n  "), Options{}, ErrEmpty},
		{"blank-utf16.txt", []byte("\xFF\xFE \x00\n\x00\u3000"[:6]), Options{}, ErrEmpty},
		{"garbage.bin", garbage, Options{}, ErrUnknownFormat},
		{"garbage.txt", garbage, Options{}, ErrUnknownFormat},
		{"photo.jpg", jpeg, Options{}, ErrUnknownFormat},
		{"letter.doc", ole, Options{}, ErrUnknownFormat},
		{"letter.rtf", []byte(`{\rtf1\ansi Zajednicka izjava}`), Options{}, ErrUnknownFormat},
		{"big.txt", bytes.Repeat([]byte("a"), 101), Options{MaxSize: 100}, ErrTooLarge},
		{"huge.txt", make([]byte, DefaultMaxSize+1), Options{}, ErrTooLarge},
		{"statement.docx", []byte("this is not a zip archive"), Options{}, ErrCorrupt},
		{"statement.pdf", []byte("neither is this a PDF"), Options{}, ErrCorrupt},
		{"download", []byte("not a PDF either"), Options{MediaType: "application/pdf"}, ErrCorrupt},
		{"undecodable.txt", undecodable(), Options{}, ErrUndecodable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(context.Background(), tt.name, tt.data, tt.opt)
			checkError(t, err, tt.name, tt.kind)
			t.Log(err)
		})
	}
}

// undecodable returns bytes that look like text (no control bytes) but fit
// no encoding: UTF-8 lead bytes without their continuation bytes, between
// ASCII words.
func undecodable() []byte {
	var b bytes.Buffer
	for i := range 200 {
		b.WriteString("word ")
		b.WriteByte(0xC3 + byte(i%20))
		b.WriteByte(0xFE)
	}
	return b.Bytes()
}

// TestErrorMessage checks the form of Error() and Unwrap.
func TestErrorMessage(t *testing.T) {
	err := error(&Error{Name: "scan.pdf", Kind: ErrNoText, Problem: "PDF has no text layer (a scanned image?); run OCR first"})
	if got, want := err.Error(), "scan.pdf: PDF has no text layer (a scanned image?); run OCR first"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, ErrNoText) || errors.Is(err, ErrCorrupt) {
		t.Errorf("errors.Is does not follow Kind")
	}
	multi := &Error{Name: "a.pdf", Kind: ErrCorrupt, Problem: "damaged PDF: Syntax Error\nCouldn't read xref\r\n"}
	if got, want := multi.Error(), "a.pdf: damaged PDF: Syntax Error; Couldn't read xref"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (&Error{Kind: ErrEmpty, Problem: "empty file"}).Error(); got != "-: empty file" {
		t.Errorf("unnamed input: %q", got)
	}
}

func TestUnknownTextExtension(t *testing.T) {
	_, err := Decode(context.Background(), "gold.json", []byte(`{"sentences": []}`), Options{})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "gold.json: unknown extension .json") {
		t.Errorf("error %v, want an unknown extension naming gold.json", err)
	}
	for _, name := range []string{"statement.txt", "-", "https://example.org/statement", "README"} {
		if _, err := Decode(context.Background(), name, []byte("双方同意加强合作。"), Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
