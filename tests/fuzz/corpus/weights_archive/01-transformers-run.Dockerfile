FROM ezrunner/transformers-serve:4.57

# No network at run time. transformers serve picks the model by id per request, so the model
# sits in an HF cache inside the image and the engine finds it offline.
ENV HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 DO_NOT_TRACK=1 HF_HUB_CACHE=/models/hub

# transformers serve is not part of the base image: it is installed here, with the model's layers.

# change reuses these layers.
COPY --chown=65534:65534 ["model/model-00001-of-00002.safetensors", "/models/hub/models--ezr-test--Tiny-Chat-1B/snapshots/0123456789abcdef0123456789abcdef01234567/"]
COPY --chown=65534:65534 ["model/model-00002-of-00002.safetensors", "/models/hub/models--ezr-test--Tiny-Chat-1B/snapshots/0123456789abcdef0123456789abcdef01234567/"]
COPY --chown=65534:65534 ["model/config.json", "model/generation_config.json", "model/model.safetensors.index.json", "model/tokenizer.json", "model/tokenizer_config.json", "/models/hub/models--ezr-test--Tiny-Chat-1B/snapshots/0123456789abcdef0123456789abcdef01234567/"]
COPY --chown=65534:65534 ["model/tokenizer/special_tokens_map.json", "/models/hub/models--ezr-test--Tiny-Chat-1B/snapshots/0123456789abcdef0123456789abcdef01234567/tokenizer/"]
COPY --chown=65534:65534 model-refs/main /models/hub/models--ezr-test--Tiny-Chat-1B/refs/main

# The weight layers above, for updates of this model.
LABEL io.ezrunner.weight-layers="{\"f\":2,\"w\":[[\"model-00001-of-00002.safetensors\",\"1990000000\"],[\"model-00002-of-00002.safetensors\",\"1100000000\"]]}"

