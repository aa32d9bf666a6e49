package handlers

import (
	"strings"
	"testing"
)

// The bite tip is for a bitten person, not for a dog chewing a bag.
func TestDogBiteCueNeedsABittenPerson(t *testing.T) {
	for message, want := range map[string]bool{
		"a dog bit my son near the playground":     true,
		"the neighbour's dog bit me on the stairs": true,
		"my daughter was bitten by a stray dog":    true,
		"a cat scratched my hand":                  true,
		"我家孩子在小区被狗咬了，狗主人跑了":                        true,
		"楼下的狗咬了我一口":                                true,
		"那条狗把我儿子咬伤了":                               true,
		"流浪猫抓破了我手":                                 true,
		"the dog bit through the bin bag again":    false,
		"垃圾袋被狗咬破了，撒了一地":                            false, "沙发被猫抓破了": false, "快递被邻居家的狗咬烂了": false, "被狗咬了怎么办": true, "我被狗咬了": true,
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

// A theft told after the fact gets "call 110" before its report; stolen
// bikes and stolen parking spaces in a figure of speech do not.
func TestTheftTipAfterABurglary(t *testing.T) {
	for message, want := range map[string]bool{
		"我家被盗了": true,
		"昨晚家里进了小偷，丢了两部手机":                               true,
		"someone stole from my flat":                    true,
		"my car was broken into last night":             true,
		"3号楼有户人家门锁被撬了":                                  true,
		"电动车被偷了":                                        false,
		"停车费这么贵简直是抢劫":                                   false,
		"who is stealing the parcels from the lockers?": false,
	} {
		tip, got := safetyTipFor(message)
		if got != want || (got && !strings.Contains(tip.in("zh")+tip.in("en"), "110")) {
			t.Errorf("%q: tip %v, want %v", message, got, want)
		}
	}
}
