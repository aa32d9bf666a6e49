package tickets

import "testing"

func TestNamesOnlyAPlace(t *testing.T) {
	for text, want := range map[string]bool{
		"3号楼2单元": true, "Building 3, unit 2": true, "3楼和4楼之间的灯": true, "12栋1203室": true,
		"tower 5, 12th floor": true, "5号楼楼道": true, "北门": true, "北门车棚": true, "一楼大厅": true,
		"near the south gate": true, "the lobby": true, "12-301": true,
		"There is no hot water in building 5":         false,
		"I want to complain about the security guard": false,
		"电梯门关不上，3号楼的":                                 false,
		"水管爆了":                                        false,
		"楼上邻居半夜装修很吵":                                  false,
		"保安态度很差":                                      false,
		"street light is out":                         false,
		"取消":                                          false,
		"What's the emergency number at night when the office is closed?": false,
	} {
		if got := NamesOnlyAPlace(text); got != want {
			t.Errorf("NamesOnlyAPlace(%q) = %v, want %v", text, got, want)
		}
	}
}
