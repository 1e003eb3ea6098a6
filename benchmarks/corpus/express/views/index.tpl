index {who}
