package gitrepo

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// The indexer of fetched packs. go-git's own (packfile.Parser behind
// dotgit.PackWriter) inflates every object of a pack two or three times,
// applies every delta twice and keeps a 96 MiB cache of resolved objects
// that cannot be configured: on the catalogue it was most of a fetch's
// CPU time and its peak memory (docs/benchmarks.md). This one reads the
// pack as git index-pack does: one pass over the stream as it arrives
// (each object inflated once: whole objects hashed, deltas only
// measured and, when small, kept), then each delta tree resolved depth
// first from its base, every object hashed once, with the bases held in
// memory bounded by resolveBudget.

// packLimits bound what an untrusted pack may make the indexer hold.
const (
	// resolveBudget bounds the resolved objects held along one delta
	// chain; past it the oldest are dropped and recomputed when needed.
	resolveBudget = 32 << 20
	// keptDeltas bounds the deltas kept from the first pass so the
	// second need not inflate them again, and keptDelta one of them.
	keptDeltas = 8 << 20
	keptDelta  = 64 << 10
	// maxChain is git's own bound on a delta chain (pack-objects.h).
	maxChain = 4095
)

// errPack marks a pack that does not parse: classify reports it as corrupt.
var errPack = errors.New("corrupt pack")

func packErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errPack, fmt.Sprintf(format, args...))
}

// packObject is one object of a pack as the first pass finds it.
type packObject struct {
	off, data, end int64 // start of the entry, of its zlib data, of the next entry
	size           int64 // inflated size the header gives
	typ            plumbing.ObjectType
	baseOff        int64         // ofs-delta: the base entry's offset
	baseRef        plumbing.Hash // ref-delta: the base's id
	hash           plumbing.Hash // known after the first pass (whole) or the second (delta)
	crc            uint32
	kept           []byte // the inflated delta, when small enough to keep
}

// countingReader reads a pack stream byte-exactly (flate stops at the end
// of each zlib stream only when its source is an io.ByteReader) and counts
// the offset.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// scanPack is the first pass: it reads the whole pack stream r, returns
// its entries in order and checks the trailer is all that follows them.
func scanPack(r io.Reader) ([]packObject, error) {
	cr := &countingReader{r: bufio.NewReaderSize(r, 64<<10)}
	var hdr [12]byte
	if _, err := io.ReadFull(cr, hdr[:]); err != nil {
		return nil, packErr("header: %v", err)
	}
	if string(hdr[:4]) != "PACK" {
		return nil, packErr("no PACK signature")
	}
	if v := be32(hdr[4:]); v != 2 && v != 3 {
		return nil, packErr("version %d", v)
	}
	count := be32(hdr[8:])
	objs := make([]packObject, 0, min(count, 1<<16))
	byOff := make(map[int64]bool, min(count, 1<<16))
	var zr io.ReadCloser
	buf := make([]byte, 32<<10)
	var kept int64
	for i := uint32(0); i < count; i++ {
		o := packObject{off: cr.n}
		c, err := cr.ReadByte()
		if err != nil {
			return nil, packErr("object %d of %d: %v", i+1, count, err)
		}
		o.typ = plumbing.ObjectType((c >> 4) & 7)
		o.size = int64(c & 15)
		for shift := 4; c&0x80 != 0; shift += 7 {
			if shift > 56 {
				return nil, packErr("object at %d: size overflows", o.off)
			}
			if c, err = cr.ReadByte(); err != nil {
				return nil, packErr("object at %d: %v", o.off, err)
			}
			o.size |= int64(c&0x7f) << shift
		}
		switch o.typ {
		case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
		case plumbing.OFSDeltaObject:
			if c, err = cr.ReadByte(); err != nil {
				return nil, packErr("object at %d: %v", o.off, err)
			}
			rel := int64(c & 0x7f)
			for c&0x80 != 0 {
				if rel >= 1<<55 {
					return nil, packErr("object at %d: base offset overflows", o.off)
				}
				if c, err = cr.ReadByte(); err != nil {
					return nil, packErr("object at %d: %v", o.off, err)
				}
				rel = (rel+1)<<7 | int64(c&0x7f)
			}
			o.baseOff = o.off - rel
			if rel <= 0 || !byOff[o.baseOff] {
				return nil, packErr("object at %d: its base at %d is not an earlier object", o.off, o.baseOff)
			}
		case plumbing.REFDeltaObject:
			if _, err := io.ReadFull(cr, o.baseRef[:]); err != nil {
				return nil, packErr("object at %d: %v", o.off, err)
			}
		default:
			return nil, packErr("object at %d: unknown type %d", o.off, o.typ)
		}
		o.data = cr.n
		if zr == nil {
			zr, err = zlib.NewReader(cr)
		} else {
			err = zr.(zlib.Resetter).Reset(cr, nil)
		}
		if err != nil {
			return nil, packErr("object at %d: %v", o.off, err)
		}
		var w io.Writer = io.Discard
		var h plumbing.Hasher
		var keep *bytes.Buffer
		if !o.typ.IsDelta() {
			h = plumbing.NewHasher(o.typ, o.size)
			w = h
		} else if o.size <= keptDelta && kept+o.size <= keptDeltas {
			keep = bytes.NewBuffer(make([]byte, 0, o.size))
			w = keep
		}
		// One byte more than promised shows a size that lies.
		n, err := io.CopyBuffer(w, io.LimitReader(zr, o.size+1), buf)
		if err == nil {
			err = drain(zr)
		}
		if err != nil {
			return nil, packErr("object at %d: inflate: %v", o.off, err)
		}
		if n != o.size {
			return nil, packErr("object at %d: %d bytes inflated, the header says %d", o.off, n, o.size)
		}
		if h.Hash != nil {
			o.hash = h.Sum()
		}
		if keep != nil {
			o.kept = keep.Bytes()
			kept += o.size
		}
		byOff[o.off] = true
		objs = append(objs, o)
	}
	end := cr.n
	var trailer [20]byte
	if _, err := io.ReadFull(cr, trailer[:]); err != nil {
		return nil, packErr("trailer: %v", err)
	}
	if n, _ := io.Copy(io.Discard, cr); n > 0 {
		return nil, packErr("%d bytes after the trailer", n)
	}
	for i := range objs {
		objs[i].end = end
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].off
		}
	}
	return objs, nil
}

// drain reads the zlib stream to its end, so its checksum is read and
// checked, and fails if it holds more than the size read.
func drain(zr io.Reader) error {
	var b [1]byte
	n, err := zr.Read(b[:])
	if n > 0 {
		return errors.New("more data than the header says")
	}
	if err == io.EOF {
		return nil
	}
	if err == nil {
		n, err = io.ReadFull(zr, b[:])
		if n > 0 {
			return errors.New("more data than the header says")
		}
		if err == io.EOF {
			return nil
		}
	}
	return err
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// indexPack is the second pass over the pack file f whose entries scanPack
// found: it checks the trailer and each entry's CRC-32, resolves every
// delta and returns the index of the pack.
func indexPack(f *os.File, objs []packObject, budget int64) (*idxfile.MemoryIndex, plumbing.Hash, error) {
	var sum plumbing.Hash
	if err := checksums(f, objs, &sum); err != nil {
		return nil, sum, err
	}
	rs := &resolver{f: f, objs: objs, budget: budget, kids: map[int64][]int32{}, refKids: map[plumbing.Hash][]int32{}}
	for i := range objs {
		switch o := &objs[i]; o.typ {
		case plumbing.OFSDeltaObject:
			rs.kids[o.baseOff] = append(rs.kids[o.baseOff], int32(i))
		case plumbing.REFDeltaObject:
			rs.refKids[o.baseRef] = append(rs.refKids[o.baseRef], int32(i))
		}
	}
	// The whole objects, before resolving turns deltas into objects of
	// their base's type.
	var roots []int32
	for i := range objs {
		if !objs[i].typ.IsDelta() {
			roots = append(roots, int32(i))
		}
	}
	for _, i := range roots {
		if err := rs.resolve(i); err != nil {
			return nil, sum, err
		}
	}
	w := new(idxfile.Writer)
	w.OnHeader(uint32(len(objs)))
	for i := range objs {
		o := &objs[i]
		if o.typ.IsDelta() {
			// A ref-delta whose base is not in the pack (a thin pack, which
			// is never asked for) or a cycle of deltas.
			return nil, sum, packErr("object at %d: its delta base %s was never found", o.off, o.baseRef)
		}
		w.Add(o.hash, uint64(o.off), o.crc)
	}
	if err := w.OnFooter(sum); err != nil {
		return nil, sum, err
	}
	idx, err := w.Index()
	return idx, sum, err
}

// checksums reads f once, start to end: the pack's trailer must be the
// SHA-1 of what precedes it, and each entry gets the CRC-32 of its bytes
// (the index records it, and git checks it when it reuses an entry).
func checksums(f *os.File, objs []packObject, sum *plumbing.Hash) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	end := st.Size() - 20
	if end < 12 {
		return packErr("%d bytes: too short", st.Size())
	}
	h := sha1.New()
	r := bufio.NewReaderSize(io.NewSectionReader(f, 0, end), 256<<10)
	if _, err := io.CopyN(h, r, 12); err != nil {
		return err
	}
	for i := range objs {
		c := crc32.NewIEEE()
		if _, err := io.CopyN(io.MultiWriter(h, c), r, objs[i].end-objs[i].off); err != nil {
			return packErr("object at %d: %v", objs[i].off, err)
		}
		objs[i].crc = c.Sum32()
	}
	if _, err := f.ReadAt(sum[:], end); err != nil {
		return err
	}
	if got := h.Sum(nil); !bytes.Equal(got, sum[:]) {
		return packErr("its trailer says %s, its content hashes to %x", sum, got)
	}
	return nil
}

// resolver resolves the deltas of a pack, base by base.
type resolver struct {
	f       *os.File
	objs    []packObject
	budget  int64                     // bytes of resolved objects held along one chain
	kids    map[int64][]int32         // ofs-deltas by their base's offset
	refKids map[plumbing.Hash][]int32 // ref-deltas by their base's id
	zr      io.ReadCloser
	br      *bufio.Reader
}

// frame is one object on the path from a base to the delta being
// resolved; data is nil once dropped to stay within resolveBudget.
type frame struct {
	obj  int32
	data []byte
	kids []int32
	next int
}

// resolve resolves every delta whose chain starts at the whole object
// root, depth first, holding the objects of the current path only.
func (rs *resolver) resolve(root int32) error {
	if len(rs.kids[rs.objs[root].off]) == 0 && len(rs.refKids[rs.objs[root].hash]) == 0 {
		return nil
	}
	typ := rs.objs[root].typ
	stack := []frame{{obj: root, kids: rs.children(root)}}
	held := int64(0)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next == len(top.kids) {
			held -= int64(len(top.data))
			stack = stack[:len(stack)-1]
			continue
		}
		if top.data == nil {
			data, err := rs.rebuild(stack)
			if err != nil {
				return err
			}
			top.data = data
			held += int64(len(data))
		}
		kid := top.kids[top.next]
		top.next++
		if len(stack) > maxChain {
			return packErr("object at %d: delta chain longer than %d", rs.objs[kid].off, maxChain)
		}
		data, err := rs.apply(top.data, kid)
		if err != nil {
			return err
		}
		o := &rs.objs[kid]
		h := plumbing.NewHasher(typ, int64(len(data)))
		h.Write(data)
		o.hash, o.typ = h.Sum(), typ
		kids := rs.children(kid)
		if len(kids) == 0 {
			continue
		}
		stack = append(stack, frame{obj: kid, data: data, kids: kids})
		held += int64(len(data))
		// Drop the oldest objects of the path beyond the budget; the
		// newest stays, it is the base of what comes next.
		for i := 0; held > rs.budget && i < len(stack)-1; i++ {
			held -= int64(len(stack[i].data))
			stack[i].data = nil
		}
	}
	return nil
}

// children are the deltas based on object i: by offset, then by id.
func (rs *resolver) children(i int32) []int32 {
	o := &rs.objs[i]
	return append(append([]int32(nil), rs.kids[o.off]...), rs.refKids[o.hash]...)
}

// rebuild recomputes the data of the top of stack from the nearest object
// below it still held, or from its whole base.
func (rs *resolver) rebuild(stack []frame) ([]byte, error) {
	j := len(stack) - 1
	for j > 0 && stack[j].data == nil {
		j--
	}
	data := stack[j].data
	if data == nil {
		var err error
		if data, err = rs.inflate(stack[0].obj); err != nil {
			return nil, err
		}
	}
	for k := j + 1; k < len(stack); k++ {
		var err error
		if data, err = rs.apply(data, stack[k].obj); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// inflate reads entry i's data from the pack file.
func (rs *resolver) inflate(i int32) ([]byte, error) {
	o := &rs.objs[i]
	if o.kept != nil {
		return o.kept, nil
	}
	sr := io.NewSectionReader(rs.f, o.data, o.end-o.data)
	if rs.br == nil {
		rs.br = bufio.NewReaderSize(sr, 64<<10)
	} else {
		rs.br.Reset(sr)
	}
	var err error
	if rs.zr == nil {
		rs.zr, err = zlib.NewReader(rs.br)
	} else {
		err = rs.zr.(zlib.Resetter).Reset(rs.br, nil)
	}
	if err != nil {
		return nil, packErr("object at %d: %v", o.off, err)
	}
	data := make([]byte, o.size)
	if _, err := io.ReadFull(rs.zr, data); err != nil {
		return nil, packErr("object at %d: inflate: %v", o.off, err)
	}
	return data, nil
}

// apply returns the object that delta entry i makes of base.
func (rs *resolver) apply(base []byte, i int32) ([]byte, error) {
	delta, err := rs.inflate(i)
	if err != nil {
		return nil, err
	}
	rs.objs[i].kept = nil // used once, unless rebuilt from the file
	// go-git's PatchDelta checks every copy against the base and the
	// target size, and caps what a delta's header alone makes it allocate.
	out, err := packfile.PatchDelta(base, delta)
	if err != nil {
		return nil, packErr("object at %d: %v", rs.objs[i].off, err)
	}
	return out, nil
}
