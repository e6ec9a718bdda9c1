package decode

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The encrypted PDFs are made from textPDF("Encrypted statement") by qpdf
// (Debian package qpdf), which TestEncryptedPDF runs with -update:
//
//	qpdf --encrypt user owner 256 -- text.pdf testdata/encrypted.pdf
//	qpdf --encrypt "" owner 256 --extract=n -- text.pdf testdata/owner-restricted.pdf
const (
	encryptedPDF       = "testdata/encrypted.pdf"
	ownerRestrictedPDF = "testdata/owner-restricted.pdf"
)

// TestEncryptedPDF checks both kinds of PDF encryption: a user password
// keeps the text from us (ErrEncrypted); an owner password alone only
// restricts what viewers offer, every viewer opens the file, and so do we.
func TestEncryptedPDF(t *testing.T) {
	needPDFToText(t)
	if *update {
		makeEncryptedPDFs(t)
	}
	_, err := Decode(context.Background(), "encrypted.pdf", mustRead(t, encryptedPDF), Options{})
	checkError(t, err, "encrypted.pdf", ErrEncrypted)
	if !strings.Contains(err.Error(), "password") {
		t.Errorf("message %q does not mention the password", err)
	}
	res := mustDecode(t, "owner-restricted.pdf", mustRead(t, ownerRestrictedPDF), Options{})
	if res.Text != "Encrypted statement" {
		t.Errorf("owner-restricted PDF gave %q", res.Text)
	}
}

// makeEncryptedPDFs rewrites the encrypted fixtures with qpdf.
func makeEncryptedPDFs(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Fatal("-update needs qpdf: apt-get install -y qpdf")
	}
	src := filepath.Join(t.TempDir(), "text.pdf")
	if err := os.WriteFile(src, textPDF("Encrypted statement"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--encrypt", "user", "owner", "256", "--", src, encryptedPDF},
		{"--encrypt", "", "owner", "256", "--extract=n", "--", src, ownerRestrictedPDF},
	} {
		if out, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf %v: %v\n%s", args, err, out)
		}
	}
}

// TestPDFErrors checks the PDFs that give no text, each with its kind.
func TestPDFErrors(t *testing.T) {
	needPDFToText(t)
	fixture := mustRead(t, devStatement+".pdf")
	tests := []struct {
		name string
		data []byte
		kind error
		says string
	}{
		{"truncated.pdf", fixture[:2048], ErrCorrupt, "truncated"},
		{"scan.pdf", scannedPDF(), ErrNoText, "OCR"},
		{"garbage.pdf", []byte("%PDF-1.7\nthis is no PDF at all\n%%EOF\n"), ErrCorrupt, "damaged PDF"},
		{"encrypted-garbage.pdf", []byte("%PDF-1.7\ntrailer << /Encrypt 9 0 R >>\n%%EOF\n"), ErrEncrypted, "encrypted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(context.Background(), tt.name, tt.data, Options{})
			checkError(t, err, tt.name, tt.kind)
			if err != nil && !strings.Contains(err.Error(), tt.says) {
				t.Errorf("message %q does not say %q", err, tt.says)
			}
		})
	}
}

// TestPDFMissingTool checks the message that tells how to install pdftotext.
func TestPDFMissingTool(t *testing.T) {
	for _, tool := range []string{"/nonexistent/pdftotext", "no-such-pdftotext"} {
		_, err := Decode(context.Background(), "statement.pdf", textPDF("x"), Options{PDFToText: tool})
		checkError(t, err, "statement.pdf", ErrMissingTool)
		if want := "statement.pdf: pdftotext not found: install Debian package poppler-utils"; err == nil || err.Error() != want {
			t.Errorf("message %q, want %q", err, want)
		}
	}
}

// TestPDFContext checks that an ended context stops Decode with the
// context's error.
func TestPDFContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Decode(ctx, "statement.pdf", textPDF("x"), Options{})
	checkError(t, err, "statement.pdf", context.Canceled)

	// A pdftotext that hangs is stopped by the deadline.
	slow := filepath.Join(t.TempDir(), "pdftotext")
	if err := os.WriteFile(slow, []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = Decode(ctx, "statement.pdf", textPDF("x"), Options{PDFToText: slow})
	checkError(t, err, "statement.pdf", context.DeadlineExceeded)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Decode took %v after the deadline", d)
	}
}

// TestPDFLatin checks a Latin-script PDF line end to end.
func TestPDFLatin(t *testing.T) {
	needPDFToText(t)
	res := mustDecode(t, "izjava.pdf", textPDF("Zajednicka izjava"), Options{})
	if res.Text != "Zajednicka izjava" || res.Format != "pdf" || res.MediaType != "application/pdf" {
		t.Errorf("got %+v", res)
	}
}
