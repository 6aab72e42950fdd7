package importer

import "testing"

func TestRepository(t *testing.T) {
	tests := []struct {
		in, repo, project string
	}{
		{"Our codes are available at: https://github.com/Ian0926/GDNet.", "https://github.com/Ian0926/GDNet", ""},
		{"The code is publicly available at GitHub{https://github.com/moeinheidari7829/WaRA}.", "https://github.com/moeinheidari7829/WaRA", ""},
		{"available at https://github.com/chansongoal/FCM-LM/tree/master{https://github.com/chansongoal/FCM-LM/tree/master}.", "https://github.com/chansongoal/FCM-LM", ""},
		{"The code is released at https://github.com/Shwai-He/SparseUnifiedModel{this link}.", "https://github.com/Shwai-He/SparseUnifiedModel", ""},
		{"Code: https://github.com/x/y/tree/main/src/model.py, see there.", "https://github.com/x/y", ""},
		{"Code is available at: https://ma-lab-berkeley.github.io/CRATE .", "", "https://ma-lab-berkeley.github.io/CRATE"},
		{"Our code and pre-trained codecs are available at https://ut-sysml.org/walloc", "", "https://ut-sysml.org/walloc"},
		{"See github.com/owner/repo.git; and https://example.org/project.", "https://github.com/owner/repo", "https://example.org/project"},
		{"Paper: https://arxiv.org/abs/2506.07932. Code: https://gitlab.com/g/p", "https://gitlab.com/g/p", ""},
		{"Only a user page https://github.com/someone is given.", "", "https://github.com/someone"},
		{"No link at all.", "", ""},
		{"https://", "", ""},
	}
	for _, tt := range tests {
		repo, project := Repository(tt.in)
		if repo != tt.repo || project != tt.project {
			t.Errorf("Repository(%q) = %q, %q; want %q, %q", tt.in, repo, project, tt.repo, tt.project)
		}
	}
}
