// Command entente reads, stores and serves the commitments of diplomatic
// statements. This file only wires the commands; the work is done in the
// packages named for each stage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var quiet silentError
		if !errors.As(err, &quiet) {
			fmt.Fprintln(os.Stderr, "entente: "+printable(err.Error()))
		}
		os.Exit(1)
	}
}

// run executes one command line; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := newRootCommand(stdin, stdout, stderr)
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}
