from kedro.pipeline import Pipeline, node, pipeline


def split(rows, ratio):
    cut = int(len(rows) * ratio)
    return rows[:cut], rows[cut:]


def fit(train, lr):
    return {"w": sum(r["sq"] for r in train) * lr}


def score(model, test):
    return {"score": model["w"] / (1 + len(test))}


def create_pipeline(**kwargs) -> Pipeline:
    return pipeline([
        node(split, ["feature_rows", "params:model.ratio"], ["train_rows", "test_rows"], name="split_node", tags=["model"]),
        node(fit, ["train_rows", "params:model.lr"], "model_obj", name="fit_node", tags=["model"]),
        node(score, ["model_obj", "test_rows"], "model_score", name="score_node", tags=["model", "report"]),
    ])
