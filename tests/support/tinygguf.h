// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ezr::test {

// A tiny real model for real engines: a GGUF v3 file of a Llama with random F32 weights (2 blocks,
// width 64, 4 heads, feed-forward 128), an SPM byte-fallback vocabulary of 370 tokens and a ChatML
// chat template; about 0.5 MB. The same seed gives the same bytes. The output rows of <unk>, <s>,
// </s> and the byte tokens are zero, so greedy decoding emits printable ASCII and never stops
// before max_tokens.
struct TinyGgufShape
{
    int embedding = 64;
    int blocks = 2;
    int heads = 4;
    int feedForward = 128;
    int contextLength = 2048;
};

inline constexpr int kTinyGgufVocabSize = 370;

QByteArray makeTinyGguf(quint64 seed, const TinyGgufShape &shape = {});

// The same model split as llama.cpp's gguf-split does (the model's keys in the first part, split.no,
// split.count and split.tensors.count in each, the tensors in order): to be saved as
// NAME-00001-of-0000N.gguf and so on, served from the first.
QList<QByteArray> makeTinyGgufParts(quint64 seed, int parts, const TinyGgufShape &shape = {});

// Writes makeTinyGguf(seed) to path; false when it cannot.
bool writeTinyGguf(const QString &path, quint64 seed, const TinyGgufShape &shape = {});

} // namespace ezr::test
