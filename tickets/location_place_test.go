package tickets

import "testing"

func TestNamesOnlyAPlace(t *testing.T) {
	for text, want := range map[string]bool{
		"3号楼2单元": true, "Building 3, unit 2": true, "3楼和4楼之间的灯": true, "12栋1203室": true,
		"tower 5, 12th floor": true, "5号楼楼道": true,
		"There is no hot water in building 5":         false,
		"I want to complain about the security guard": false,
		"电梯门关不上，3号楼的":                                 false,
		"北门":                                          false, // no number: a short reply, judged by length
		"What's the emergency number at night when the office is closed?": false,
	} {
		if got := NamesOnlyAPlace(text); got != want {
			t.Errorf("NamesOnlyAPlace(%q) = %v, want %v", text, got, want)
		}
	}
}
