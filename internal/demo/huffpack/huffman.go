package main

import (
	"container/heap"
	"encoding/binary"
	"sort"
)

// The encoded form is: 4-byte length, 256 code lengths, then the canonical
// Huffman codes of the bytes, most significant bit first.

type node struct {
	count       int
	sym         int // -1 for inner nodes
	left, right *node
}

type nodeHeap []*node

func (h nodeHeap) Len() int { return len(h) }
func (h nodeHeap) Less(i, j int) bool {
	if h[i].count != h[j].count {
		return h[i].count < h[j].count
	}
	return h[i].sym < h[j].sym
}
func (h nodeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *nodeHeap) Push(x any)   { *h = append(*h, x.(*node)) }
func (h *nodeHeap) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}

func codeLengths(data []byte) [256]uint8 {
	var counts [256]int
	for _, b := range data {
		counts[b]++
	}
	h := &nodeHeap{}
	for s, c := range counts {
		if c > 0 {
			*h = append(*h, &node{count: c, sym: s})
		}
	}
	var lens [256]uint8
	if h.Len() == 1 {
		lens[(*h)[0].sym] = 1
		return lens
	}
	heap.Init(h)
	next := 256
	for h.Len() > 1 {
		a, b := heap.Pop(h).(*node), heap.Pop(h).(*node)
		heap.Push(h, &node{count: a.count + b.count, sym: next, left: a, right: b})
		next++
	}
	var walk func(n *node, depth uint8)
	walk = func(n *node, depth uint8) {
		if n == nil {
			return
		}
		if n.left == nil {
			lens[n.sym] = depth
			return
		}
		walk(n.left, depth+1)
		walk(n.right, depth+1)
	}
	if h.Len() == 1 {
		walk((*h)[0], 0)
	}
	return lens
}

// canonical assigns codes in (length, symbol) order.
func canonical(lens [256]uint8) (codes [256]uint32) {
	syms := make([]int, 0, 256)
	for s, l := range lens {
		if l > 0 {
			syms = append(syms, s)
		}
	}
	sort.Slice(syms, func(i, j int) bool {
		if lens[syms[i]] != lens[syms[j]] {
			return lens[syms[i]] < lens[syms[j]]
		}
		return syms[i] < syms[j]
	})
	code, prev := uint32(0), uint8(0)
	for i, s := range syms {
		if i > 0 {
			code = (code + 1) << (lens[s] - prev)
		} else {
			code <<= lens[s]
		}
		codes[s], prev = code, lens[s]
	}
	return codes
}

func encode(data []byte) []byte {
	lens := codeLengths(data)
	codes := canonical(lens)
	out := make([]byte, 4+256, 4+256+len(data)/2)
	binary.BigEndian.PutUint32(out, uint32(len(data)))
	copy(out[4:], lens[:])
	var acc uint64
	var nbits uint
	for _, b := range data {
		acc = acc<<lens[b] | uint64(codes[b])
		nbits += uint(lens[b])
		for nbits >= 8 {
			nbits -= 8
			out = append(out, byte(acc>>nbits))
		}
	}
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

func decode(enc []byte) []byte {
	if len(enc) < 4+256 {
		return nil
	}
	n := int(binary.BigEndian.Uint32(enc))
	var lens [256]uint8
	copy(lens[:], enc[4:4+256])
	codes := canonical(lens)
	type key struct {
		len  uint8
		code uint32
	}
	table := map[key]byte{}
	for s, l := range lens {
		if l > 0 {
			table[key{l, codes[s]}] = byte(s)
		}
	}
	out := make([]byte, 0, n)
	var code uint32
	var l uint8
	for _, b := range enc[4+256:] {
		for i := 7; i >= 0 && len(out) < n; i-- {
			code = code<<1 | uint32(b>>uint(i)&1)
			l++
			if s, ok := table[key{l, code}]; ok {
				out = append(out, s)
				code, l = 0, 0
			}
		}
	}
	return out
}
