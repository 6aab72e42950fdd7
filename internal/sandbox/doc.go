// Package sandbox runs one untrusted step command inside a container
// runtime or a host sandbox: the "run" step of the pipeline, below the
// step runner (package run), which owns logs, timeouts and results.
//
// A Runtime turns a Job (command, checkout, private HOME and temp folder,
// declared environment, mounts, network, limits) into a process, delivers
// signals to everything the step started, and after the step ends removes
// what it left and says whether a limit stopped it. The runtimes are:
//
//	none       bare host: a new pid namespace (every descendant dies with
//	           the step), a cleared environment, a private HOME
//	bwrap      bubblewrap: read-only root, writable checkout and temp, new
//	           pid, ipc and network namespaces, dies with repro
//	podman     OCI containers with memory, CPU and pids limits
//	docker     the same through the docker CLI
//	apptainer  SIF or OCI images run contained
//
// Detect picks the first runtime present in the order podman, docker,
// apptainer, bwrap; none is never picked on its own.
package sandbox
