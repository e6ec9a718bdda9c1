package main

// silentError is an error whose details the command has already printed:
// main exits 1 with only this summary line.
type silentError struct{ error }

func (e silentError) Unwrap() error { return e.error }
