FROM vllm/vllm-openai:v0.11.0

# No network at run time: everything the engine needs is in this image.
ENV HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 VLLM_NO_USAGE_STATS=1 DO_NOT_TRACK=1

# change reuses these layers.
COPY --chown=2000:0 ["model/model-00001-of-00002.safetensors", "/models/ezr-test/Tiny-Chat-1B/"]
COPY --chown=2000:0 ["model/model-00002-of-00002.safetensors", "/models/ezr-test/Tiny-Chat-1B/"]
COPY --chown=2000:0 ["model/config.json", "model/generation_config.json", "model/model.safetensors.index.json", "model/tokenizer.json", "model/tokenizer_config.json", "/models/ezr-test/Tiny-Chat-1B/"]
COPY --chown=2000:0 ["model/tokenizer/special_tokens_map.json", "/models/ezr-test/Tiny-Chat-1B/tokenizer/"]

# The weight layers above, for updates of this model.
LABEL io.ezrunner.weight-layers="{\"f\":2,\"w\":[[\"model-00001-of-00002.safetensors\",\"1990000000\"],[\"model-00002-of-00002.safetensors\",\"1100000000\"]]}"

