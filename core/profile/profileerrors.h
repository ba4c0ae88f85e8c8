// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include "util/error.h"

// The messages of a rejected profile, shared by the reader and the migrations. Each is
// ErrorCode::Usage (exit 2) and names the field by its dotted path ("engine.port").
namespace ezr::profile::errors {

Error missingField(const QString &path, const QString &expected);
Error wrongType(const QString &path, const QString &expected, const QJsonValue &found);
Error badValue(const QString &path, const QString &expected, const QString &found);
Error unknownField(const QString &path, int version);
Error secretInField(const QString &path);
Error tooLarge(qint64 size);

// "text", "a number", "true or false", ...: how a JSON value's type reads in a message.
QString describeType(const QJsonValue &value);

} // namespace ezr::profile::errors
