package handlers

import (
	"strings"

	"codesk/faq"
)

// emergency is a danger a message describes that cannot wait for a ticket
// or an FAQ answer: the resident first gets what to do now and whom to call.
type emergency int

const (
	noEmergency emergency = iota
	fireEmergency
	gasEmergency
	trappedEmergency
	medicalEmergency
)

// emergencyCues name a danger happening now, in normalised text (lower case,
// simplified Chinese). Words of the estate's repair projects are left out:
// "消防栓" or "fire hydrant" is no fire, "电梯坏了" no one trapped.
var emergencyCues = []struct {
	kind emergency
	cues []string
}{
	{fireEmergency, []string{"着火", "起火", "失火", "火灾", "烧起来", "冒黑烟", "浓烟", "on fire", "there is a fire",
		"there s a fire", "a fire in", "fire in the", "fire on the", "smoke everywhere", "smoke coming", "building is burning"}},
	{gasEmergency, []string{"燃气味", "煤气味", "天然气味", "燃气泄漏", "煤气泄漏", "天然气泄漏", "闻到燃气", "闻到煤气",
		"smell gas", "smells of gas", "smell of gas", "gas leak", "leaking gas", "gas smell"}},
	{trappedEmergency, []string{"被困", "困在电梯", "关在电梯", "卡在电梯", "困在里面", "stuck in the lift",
		"stuck in the elevator", "stuck in a lift", "stuck in an elevator", "stuck in lift", "stuck in elevator",
		"trapped in", "trapped inside", "locked in the lift"}},
	{medicalEmergency, []string{"晕倒", "昏倒", "昏迷", "不省人事", "没有呼吸", "没呼吸", "大出血", "摔倒起不来", "心脏病发",
		"unconscious", "collapsed", "not breathing", "heart attack", "bleeding badly", "fell and can t get up"}},
}

// emergencyIn returns the first danger text describes, or noEmergency.
// "被困电梯里了怎么办" asks what to do, but the one asking may be inside.
func emergencyIn(text string) emergency {
	s := faq.Normalize(text)
	for _, e := range emergencyCues {
		for _, c := range e.cues {
			if strings.Contains(s, c) {
				return e.kind
			}
		}
	}
	return noEmergency
}

var emergencyAdvice = map[emergency]text{
	fireEmergency: {
		"⚠️ 如果着火了：请立即拨打 119，离开着火的房间并关上门，走楼梯不要乘电梯，用湿毛巾捂住口鼻、弯腰撤离。安全后再联系物业。",
		"⚠️ If there is a fire: call 119 now, leave and close the door behind you, use the stairs, never the lift, and keep low under the smoke. Contact the property company once you are safe.",
	},
	gasEmergency: {
		"⚠️ 闻到燃气味：不要开关电灯或电器、不要打电话或用明火，关闭燃气总阀，打开门窗，离开后在室外拨打燃气公司抢修电话或 119。",
		"⚠️ If you smell gas: do not switch lights or appliances on or off, do not use a phone or any flame inside; turn off the gas valve, open windows and doors, leave, and call the gas company's emergency line or 119 from outside.",
	},
	trappedEmergency: {
		"⚠️ 被困电梯：请保持冷静，按轿厢内的警铃或拨打轿厢内张贴的救援电话，不要扒门、不要试图爬出；如有人受伤或呼吸困难请拨打 119 / 120。",
		"⚠️ Trapped in a lift: stay calm, press the alarm button or call the rescue number posted in the car, do not force the doors or climb out; if anyone is hurt or short of breath call 119 / 120.",
	},
	medicalEmergency: {
		"⚠️ 如有人晕倒、受重伤或呼吸困难，请立即拨打 120 急救电话，不要随意搬动伤者。",
		"⚠️ If someone has collapsed, is badly hurt or cannot breathe, call 120 for an ambulance now and do not move them unless they are in danger.",
	},
}
