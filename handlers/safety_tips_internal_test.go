package handlers

import "testing"

// The bite tip is for a bitten person, not for a dog chewing a bag.
func TestDogBiteCueNeedsABittenPerson(t *testing.T) {
	for message, want := range map[string]bool{
		"a dog bit my son near the playground":            true,
		"the neighbour's dog bit me on the stairs":        true,
		"my daughter was bitten by a stray dog":           true,
		"a cat scratched my hand":                         true,
		"我家孩子在小区被狗咬了，狗主人跑了":                               true,
		"楼下的狗咬了我一口":                                       true,
		"那条狗把我儿子咬伤了":                                      true,
		"流浪猫抓破了我手":                                        true,
		"the dog bit through the bin bag again":           false,
		"dogs bite the rubbish bags every night":          false,
		"狗把垃圾袋咬破了，垃圾撒了一地":                                 false,
		"楼下的狗天天叫，吵得睡不着":                                   false,
		"the cat scratched the door of 3B":                false,
		"the dog owner keeps letting it off the lead bit": false,
	} {
		_, got := safetyTipFor(message)
		if got != want {
			t.Errorf("%q: tip %v, want %v", message, got, want)
		}
	}
}
