package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "entente",
		Short:         "Track who promised what in diplomatic statements",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("as", "", "record changes as this person (default $ENTENTE_USER, else the operating-system user)")
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newExtractCommand(), newIngestCommand(), newListCommand(), newShowCommand(),
		newDeleteCommand(), newOriginalCommand(), newBackupCommand(), newSearchCommand(), newUserCommand(), newServeCommand(),
		newExportCommand(), newImportCommand())
	root.AddCommand(newTrackingCommands()...)
	root.AddCommand(newCompareCommands()...)
	root.AddCommand(newRegistryCommand(), newCitesCommand("cites"), newCitesCommand("cited-by"))
	return root
}
