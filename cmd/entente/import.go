package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// dumpAll and newImportCommand come with the full dump (export --all).
func dumpAll(cmd *cobra.Command, st store, path string) error {
	return fmt.Errorf("export --all: not yet")
}

func newImportCommand() *cobra.Command { return &cobra.Command{Use: "import FILE", Hidden: true} }
