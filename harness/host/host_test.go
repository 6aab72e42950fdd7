package host

import "testing"

func TestParseCPUModel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)   CPU @ 2.20GHz\nprocessor\t: 1\nmodel name\t: other\n", "Intel(R) Xeon(R) CPU @ 2.20GHz"},
		{"processor\t: 0\nBogoMIPS\t: 48.00\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n", "Raspberry Pi 4 Model B Rev 1.4"},
		{"processor\t: 0\n", ""},
	}
	for _, tt := range tests {
		if got := ParseCPUModel(tt.in); got != tt.want {
			t.Errorf("ParseCPUModel(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMachine(t *testing.T) {
	tests := []struct {
		h    Host
		want string
	}{
		{Host{CPUs: 2, Arch: "amd64"}, "2 CPUs amd64"},
		{Host{CPUs: 16, CPUModel: "AMD EPYC 7B13", GPUs: []GPU{{Name: "NVIDIA H200"}, {Name: "NVIDIA H200"}}}, "AMD EPYC 7B13 (16 CPUs), 2x NVIDIA H200"},
		{Host{}, "unknown CPU"},
	}
	for _, tt := range tests {
		if got := tt.h.Machine(); got != tt.want {
			t.Errorf("%+v.Machine() = %q; want %q", tt.h, got, tt.want)
		}
	}
}
