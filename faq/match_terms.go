package faq

import (
	"hash/maphash"
	"slices"
)

// termDict numbers the index terms. It keeps them as one byte string with end
// offsets and finds them through an open-addressing table of ids: about 14
// bytes per term, where a map[string]int32 costs a string header, an
// allocation per term and the map's slack — and a term cut out of a
// normalised text (an English word) kept that whole text alive.
type termDict struct {
	seed  maphash.Seed
	text  []byte   // the terms, one after another
	ends  []uint32 // term id ends at text[ends[id]]
	slots []int32  // id+1 of the term hashed there, 0 for an empty slot; length a power of two
}

func newTermDict() *termDict {
	return &termDict{seed: maphash.MakeSeed(), slots: make([]int32, 64)}
}

// len is the number of terms.
func (d *termDict) len() int { return len(d.ends) }

// bytes is term id's text, not to be modified.
func (d *termDict) bytes(id int32) []byte {
	start := uint32(0)
	if id > 0 {
		start = d.ends[id-1]
	}
	return d.text[start:d.ends[id]]
}

// term is term id's text.
func (d *termDict) term(id int32) string { return string(d.bytes(id)) }

// id returns term t's id.
func (d *termDict) id(t string) (int32, bool) {
	mask := uint64(len(d.slots) - 1)
	for i := maphash.String(d.seed, t) & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			return 0, false
		}
		if string(d.bytes(s-1)) == t {
			return s - 1, true
		}
	}
}

// add returns term t's id, numbering it next when it is new.
func (d *termDict) add(t string) int32 {
	if 4*(len(d.ends)+1) > 3*len(d.slots) {
		d.rehash(2 * len(d.slots))
	}
	mask := uint64(len(d.slots) - 1)
	for i := maphash.String(d.seed, t) & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			d.text = append(d.text, t...)
			d.ends = append(d.ends, uint32(len(d.text)))
			id := int32(len(d.ends) - 1)
			d.slots[i] = id + 1
			return id
		}
		if string(d.bytes(s-1)) == t {
			return s - 1
		}
	}
}

func (d *termDict) rehash(size int) {
	d.slots = make([]int32, size)
	mask := uint64(size - 1)
	for id := range int32(len(d.ends)) {
		i := maphash.Bytes(d.seed, d.bytes(id)) & mask
		for d.slots[i] != 0 {
			i = (i + 1) & mask
		}
		d.slots[i] = id + 1
	}
}

// trim drops the spare capacity that appending left.
func (d *termDict) trim() {
	d.text = slices.Clone(d.text)
	d.ends = slices.Clone(d.ends)
}
