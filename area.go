package entente

// Areas are the policy areas of the extraction contract's taxonomy
// (shared/spec/extraction.md), in its order, with their labels. A
// sentence's Areas hold these codes; the lexicon's area words name them.
func Areas() ValueList {
	return ValueList{
		value("political", "政治", "political relations"),
		value("sovereignty", "主权与领土完整", "sovereignty"),
		value("international_order", "国际秩序", "international order"),
		value("hotspots", "地区热点", "regional hotspots"),
		value("trade", "贸易", "trade"),
		value("investment", "投资", "investment"),
		value("infrastructure", "基础设施", "infrastructure"),
		value("energy", "能源", "energy"),
		value("finance", "金融", "finance"),
		value("digital", "数字", "digital"),
		value("ai", "人工智能", "artificial intelligence"),
		value("science", "科技", "science and technology"),
		value("resources", "资源", "natural resources"),
		value("green", "绿色发展", "green development"),
		value("development", "发展", "development"),
		value("health", "卫生健康", "health"),
		value("people", "人文交流", "people-to-people exchange"),
		value("security", "安全", "security"),
		value("disaster", "防灾减灾", "disaster management"),
	}
}
