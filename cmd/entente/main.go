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
		var usage usageError
		if errors.As(err, &usage) {
			os.Exit(2)
		}
		os.Exit(exitCode(err))
	}
}

// run executes one command line; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := newRootCommand(stdin, stdout, stderr)
	if len(args) > 0 && args[0] == "search" {
		if c, _, err := root.Find(args[:1]); err == nil {
			args = append([]string{"search"}, queryArgs(c.Flags(), args[1:])...)
		}
	}
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}
