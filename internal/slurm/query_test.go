package slurm

import (
	"reflect"
	"testing"
)

// The outputs below are Slurm 22.05's, captured on the test cluster.

func TestParseSqueue(t *testing.T) {
	out := "1|PENDING|None|\n2|PENDING|Priority|\n3|RUNNING|None|vm\n4|COMPLETING|None|vm\n\n5|FAILED|NonZeroExitCode|vm\n"
	want := map[string]Info{
		"1": {State: Pending},
		"2": {State: Pending, Reason: "Priority"},
		"3": {State: Running, Node: "vm"},
		"4": {State: Completing, Node: "vm"},
		"5": {State: Failed, Reason: "NonZeroExitCode", Node: "vm"},
	}
	if got := ParseSqueue(out); !reflect.DeepEqual(got, want) {
		t.Errorf("ParseSqueue(%q) = %+v; want %+v", out, got, want)
	}
}

func TestParseSacct(t *testing.T) {
	out := "12|COMPLETED|0:0|node1\n13|CANCELLED by 1000|0:15|node2\n13.batch|CANCELLED|0:15|node2\n14|PENDING|0:0|None assigned\n15|OUT_OF_MEMORY|0:125|node3\n"
	want := map[string]Info{
		"12": {State: Completed, ExitCode: "0:0", Node: "node1"},
		"13": {State: Cancelled, ExitCode: "0:15", Node: "node2"},
		"14": {State: Pending, ExitCode: "0:0"},
		"15": {State: OutOfMemory, ExitCode: "0:125", Node: "node3"},
	}
	if got := ParseSacct(out); !reflect.DeepEqual(got, want) {
		t.Errorf("ParseSacct(%q) = %+v; want %+v", out, got, want)
	}
}

func TestParseScontrol(t *testing.T) {
	out := "JobId=1 JobName=repro-x UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) " +
		"JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=2:0 RunTime=00:00:03 " +
		"TimeLimit=00:01:00 TimeMin=N/A Partition=debug AllocNode:Sid=localhost:25082 ReqNodeList=(null) ExcNodeList=(null) NodeList=vm BatchHost=vm " +
		"Command=/tmp/j.sh WorkDir=/tmp StdErr=/tmp/j-1.out StdIn=/dev/null StdOut=/tmp/j-1.out Power= \n" +
		"JobId=2 JobName=wrap JobState=PENDING Reason=Priority Dependency=(null) ExitCode=0:0 ReqNodeList=(null) NodeList=(null) \n" +
		"JobId=3 JobName=t JobState=TIMEOUT Reason=TimeLimit ExitCode=0:15 NodeList=vm\n"
	want := map[string]Info{
		"1": {State: Failed, Reason: "NonZeroExitCode", ExitCode: "2:0", Node: "vm"},
		"2": {State: Pending, Reason: "Priority", ExitCode: "0:0"},
		"3": {State: Timeout, Reason: "TimeLimit", ExitCode: "0:15", Node: "vm"},
	}
	if got := ParseScontrol(out); !reflect.DeepEqual(got, want) {
		t.Errorf("ParseScontrol(%q) = %+v; want %+v", out, got, want)
	}
}
