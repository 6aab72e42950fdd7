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
//	           the step), a cleared environment, a private HOME, a pids limit
//	bwrap      bubblewrap: read-only root, writable checkout and temp, new
//	           pid, ipc and network namespaces, dies with repro, a pids limit
//	podman     OCI containers with memory, CPU and pids limits
//	docker     the same through the docker CLI
//	apptainer  SIF or OCI images run contained
//
// On the host the pids limit is a cgroup of the step's own where repro
// may make one, else RLIMIT_NPROC (pids_linux.go; PidsLimit says which).
//
// Detect picks the first runtime present in the order podman, docker,
// apptainer, bwrap; none is never picked on its own.
package sandbox
