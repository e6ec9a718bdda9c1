package decode

import (
	"os/exec"
	"syscall"
)

const noPrlimit = "prlimit not found: install Debian package util-linux, which sets the memory limit of outside programs"

// findPrlimit returns the path of prlimit (util-linux), which sets the
// program's limits before it starts.
func findPrlimit() (string, error) {
	path, err := exec.LookPath("prlimit")
	if err != nil {
		return "", errNoPrlimit
	}
	return path, nil
}

// isolate runs cmd in its own process group, killed whole when its context
// ends, and killed too if this process dies first, so that a SIGKILLed
// ingest leaves no converter running.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
