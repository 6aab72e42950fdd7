package audit

import (
	"strings"
	"testing"
)

// Short but distinctive excerpts of each licence, as they open or as their
// operative clause reads.
var licenseTexts = []struct {
	name, text, want string
}{
	{"MIT", "MIT License\n\nCopyright (c) 2023 A. Author\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal", "MIT"},
	{"MIT modified header", "Copyright (c) 2024 Jane Doe and contributors\n\nPermission is hereby granted, free of charge, to any person\nobtaining a copy of this software", "MIT"},
	{"MIT title only", "The MIT License\n\nCopyright 2020 X", "MIT"},
	{"Apache-2.0", "                                 Apache License\n                           Version 2.0, January 2004\n                        http://www.apache.org/licenses/", "Apache-2.0"},
	{"Apache-2.0 notice", "Copyright 2025 P. N.\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.", "Apache-2.0"},
	{"BSD-2-Clause", "Copyright (c) 2020, X\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that the following conditions are met:\n\n1. Redistributions of source code must retain the above copyright notice", "BSD-2-Clause"},
	{"BSD-3-Clause", "Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software", "BSD-3-Clause"},
	{"GPL-2.0", "                    GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991\n\n Copyright (C) 1989, 1991 Free Software Foundation, Inc.", "GPL-2.0"},
	{"GPL-3.0", "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n\n  13. Use with the GNU Affero General Public License.", "GPL-3.0"},
	{"GPL-3.0 notice", "This program is free software: you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\nthe Free Software Foundation, either version 3 of the License, or", "GPL-3.0"},
	{"LGPL-2.1", "                  GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1, February 1999", "LGPL-2.1"},
	{"LGPL-3.0", "                   GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n\n  This version of the GNU Lesser General Public License incorporates\nthe terms and conditions of version 3 of the GNU General Public License", "LGPL-3.0"},
	{"AGPL-3.0", "                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n  a modified version of the GNU General Public License", "AGPL-3.0"},
	{"MPL-2.0", "Mozilla Public License Version 2.0\n==================================\n\n1. Definitions", "MPL-2.0"},
	{"MPL-2.0 notice", "This Source Code Form is subject to the terms of the Mozilla Public\nLicense, v. 2.0. If a copy of the MPL was not distributed with this", "MPL-2.0"},
	{"CC-BY-4.0", "Attribution 4.0 International\n\n=======================================================================\n\nCreative Commons Corporation (\"Creative Commons\") is not a law firm", "CC-BY-4.0"},
	{"CC-BY-SA-4.0", "Attribution-ShareAlike 4.0 International\n\nCreative Commons Corporation", "CC-BY-SA-4.0"},
	{"CC-BY-NC-4.0", "Attribution-NonCommercial 4.0 International\n\nCreative Commons Corporation", "CC-BY-NC-4.0"},
	{"CC-BY-NC-SA-4.0", "Attribution-NonCommercial-ShareAlike 4.0 International\n\nCreative Commons Corporation", "CC-BY-NC-SA-4.0"},
	{"CC-BY-NC-SA-4.0 short", "This work is licensed under CC BY-NC-SA 4.0.", "CC-BY-NC-SA-4.0"},
	{"CC0-1.0", "Creative Commons Legal Code\n\nCC0 1.0 Universal\n\n    CREATIVE COMMONS CORPORATION IS NOT A LAW FIRM", "CC0-1.0"},
	{"Unlicense", "This is free and unencumbered software released into the public domain.\n\nAnyone is free to copy, modify, publish", "Unlicense"},
	{"ISC", "ISC License\n\nCopyright (c) 2019 X\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted, provided that the above\ncopyright notice and this permission notice appear in all copies.", "ISC"},
	{"0BSD", "Permission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\"", "0BSD"},
	{"SPDX identifier", "// SPDX-License-Identifier: GPL-2.0-or-later\n", "GPL-2.0"},
	{"markdown MIT", "# MIT License\n\n**Copyright** © 2021\n\n> Permission is hereby granted, free of charge, to any person obtaining a copy", "MIT"},
	{"non-commercial BSD", "Redistribution and use in source and binary forms, with or without modification, are permitted for non-commercial academic research and/or non-commercial personal use only provided that the following conditions are met:\n3. Neither the name of the copyright holder", "unknown"},
	{"MIT with non-commercial rider", "Permission is hereby granted, free of charge, to any person obtaining a copy of this software, for non-commercial use only", "unknown"},
	{"custom", "All rights reserved. Do not redistribute.", "unknown"},
	{"empty", "", "unknown"},
}

func TestDetectLicense(t *testing.T) {
	for _, tc := range licenseTexts {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectLicense(tc.text); got != tc.want {
				t.Errorf("DetectLicense(%q) = %q; want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestLicenseMention(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"This project is licensed under the MIT License - see the [LICENSE](LICENSE) file.", "MIT"},
		{"[![License](https://img.shields.io/badge/License-MIT-green)](LICENSE)", "MIT"},
		{"[![License](https://img.shields.io/badge/License-Apache_2.0-blue.svg)](https://opensource.org/licenses/Apache-2.0)", "Apache-2.0"},
		{"The code is released under the Apache License 2.0.", "Apache-2.0"},
		{"Licensed under GPLv3.", "GPL-3.0"},
		{"This work is under CC BY-NC 4.0.", "CC-BY-NC-4.0"},
		{"See the LICENSE file.", ""},
		{"The license mitigates nothing; we submit to CC BY", ""},
		{"Cite our paper if you use this code.", ""},
	} {
		if got := licenseMention(tc.line); got != tc.want {
			t.Errorf("licenseMention(%q) = %q; want %q", tc.line, got, tc.want)
		}
	}
}

func TestIsLicenseFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"LICENSE", true}, {"LICENSE.md", true}, {"LICENCE.txt", true}, {"COPYING", true}, {"license-mit", true},
		{"LICENSE_APACHE", true}, {"UNLICENSE", true}, {"licenses.py", false}, {"README.md", false}, {"copyright.txt", false},
	} {
		if got := isLicenseFile(tc.name); got != tc.want {
			t.Errorf("isLicenseFile(%q) = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestTreeLicense(t *testing.T) {
	mit := "Permission is hereby granted, free of charge, to any person obtaining a copy"
	for _, tc := range []struct {
		name      string
		files     map[string]string
		want      string
		file      string
		warning   string // a substring one warning must contain, or ""
		noWarning bool
	}{
		{name: "none", files: map[string]string{"README.md": "# x\n"}, want: "none", noWarning: true},
		{name: "MIT with modified header", files: map[string]string{"LICENSE": "Copyright (c) 2024 Jane Doe and contributors\n\n" + mit}, want: "MIT", file: "LICENSE", noWarning: true},
		{name: "unrecognised", files: map[string]string{"LICENSE.txt": "Use it only with our written permission."}, want: "unknown", file: "LICENSE.txt"},
		{name: "README disagrees", files: map[string]string{
			"LICENSE":   "Apache License\nVersion 2.0, January 2004",
			"README.md": "# x\n\n## License\n\nThis project is licensed under the MIT License.\n",
		}, want: "Apache-2.0", file: "LICENSE", warning: "README.md:5 says MIT but LICENSE is Apache-2.0"},
		{name: "README agrees", files: map[string]string{
			"LICENSE":   mit,
			"README.md": "# x\n\n## License\n\nMIT\n",
		}, want: "MIT", file: "LICENSE", noWarning: true},
		{name: "README only", files: map[string]string{"README.md": "# x\n\n## License\nThe code is released under the MIT License.\n"}, want: "none", file: "", warning: "no licence file, but README.md:4 states MIT"},
		{name: "licence of vendored code ignored", files: map[string]string{"gptq/LICENSE.md": mit}, want: "none", noWarning: true},
		{name: "dual", files: map[string]string{"LICENSE-MIT": mit, "LICENSE-APACHE": "Apache License\nVersion 2.0"}, want: "MIT OR Apache-2.0", file: "LICENSE-MIT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Tree(writeTree(t, tc.files), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.License != tc.want || r.LicenseFile != tc.file {
				t.Errorf("Tree(%v).License = %q (%q); want %q (%q)", tc.name, r.License, r.LicenseFile, tc.want, tc.file)
			}
			if tc.warning != "" && !containsSub(r.Warnings, tc.warning) {
				t.Errorf("Tree(%v).Warnings = %q; want one containing %q", tc.name, r.Warnings, tc.warning)
			}
			if tc.noWarning && len(r.Warnings) > 0 {
				t.Errorf("Tree(%v).Warnings = %q; want none", tc.name, r.Warnings)
			}
		})
	}
}

func containsSub(ws []string, sub string) bool {
	for _, w := range ws {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// FuzzLicense checks that licence recognition never panics and always
// answers with an id, whatever bytes a LICENSE file holds.
func FuzzLicense(f *testing.F) {
	for _, tc := range licenseTexts {
		f.Add(tc.text)
	}
	f.Add("SPDX-License-Identifier: \x00\xff")
	f.Add("GNU LESSER GENERAL PUBLIC LICENSE version")
	f.Add("attribution-noncommercial-noderivs 9.9 international")
	f.Fuzz(func(t *testing.T, text string) {
		if id := DetectLicense(text); id == "" {
			t.Errorf("DetectLicense(%q) = %q; want an id or %q", text, id, LicenseUnknown)
		}
		licenseMention(text)
	})
}

func TestRootLicenseForSubdir(t *testing.T) {
	dir := writeTree(t, map[string]string{"README.md": "# sub\n", "train.py": "x"})
	r, err := Tree(dir, Options{RootLicenses: map[string][]byte{"LICENSE": []byte("Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if r.License != "Apache-2.0" || r.LicenseFile != "/LICENSE (repository root)" {
		t.Errorf("Tree(subdir).License = %q (%q); want Apache-2.0 from the repository root", r.License, r.LicenseFile)
	}
	own := writeTree(t, map[string]string{"LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy"})
	r, _ = Tree(own, Options{RootLicenses: map[string][]byte{"LICENSE": []byte("Apache License\nVersion 2.0")}})
	if r.License != "MIT" {
		t.Errorf("Tree(subdir with its own licence).License = %q; want its own MIT", r.License)
	}
}
