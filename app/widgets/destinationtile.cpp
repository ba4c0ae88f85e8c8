// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/destinationtile.h"

#include <algorithm>

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

#include "util/format.h"
#include "widgets/fit.h"

namespace ezr::gui {

bool isFat32(const QString &fileSystem)
{
    const QString fs = fileSystem.toLower();
    return fs == QLatin1String("vfat") || fs == QLatin1String("fat32") || fs == QLatin1String("msdos");
}

int fat32PartCount(qint64 bytes)
{
    if (bytes <= fat32MaxFileBytes)
        return 1;
    return static_cast<int>((bytes + fat32MaxFileBytes - 1) / fat32MaxFileBytes);
}

void sortDestinations(QList<Destination> &destinations)
{
    std::stable_sort(
        destinations.begin(), destinations.end(), [](const Destination &a, const Destination &b) {
            if (a.removable != b.removable)
                return a.removable;
            return a.name.localeAwareCompare(b.name) < 0;
        });
}

DestinationTile::DestinationTile(const Destination &destination, QWidget *parent)
    : QFrame(parent)
    , m_destination(destination)
    , m_choose(new QRadioButton(destination.name, this))
    , m_space(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("destinationTile"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_choose->setObjectName(QStringLiteral("chooseDestination"));
    QFont font = m_choose->font();
    font.setBold(true);
    m_choose->setFont(font);
    m_space->setObjectName(QStringLiteral("destinationSpace"));
    m_space->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("destinationNote"));
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_choose);
    layout->addWidget(m_space);
    layout->addWidget(m_note);
    setKitSize(-1);
}

void DestinationTile::retranslateUi()
{
    const Destination &destination = m_destination;
    const QString kind = destination.removable ? tr("Removable drive") : tr("Fixed disk");
    const QString fs
        = destination.fileSystem.isEmpty() ? tr("unknown file system") : destination.fileSystem.toUpper();
    if (destination.freeBytes >= 0 && destination.totalBytes > 0)
        m_space->setText(
            tr("%1 free of %2 · %3 · %4")
                .arg(format::bytes(destination.freeBytes), format::bytes(destination.totalBytes), fs, kind));
    else
        m_space->setText(tr("%1 · %2").arg(fs, kind));
    const QLocale locale;
    m_space->setToolTip(tr("%1\n%2 of %3 bytes free")
                            .arg(destination.path, locale.toString(destination.freeBytes),
                                locale.toString(destination.totalBytes)));
}

void DestinationTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setKitSize(m_kitSize);
    QFrame::changeEvent(event);
}

void DestinationTile::setKitSize(qint64 bytes)
{
    m_kitSize = bytes;
    retranslateUi();
    QString note;
    fit::Level level = fit::Level::Unknown;
    if (bytes > 0 && !hasRoom()) {
        note = tr("Too small: needs %1 more.").arg(format::bytes(bytes - m_destination.freeBytes));
        level = fit::Level::Bad;
    } else if (bytes > 0 && isFat32(m_destination.fileSystem) && partCount() > 1) {
        note = tr("FAT32: will split into %1 parts.").arg(partCount());
    } else if (bytes > 0) {
        note = tr("Room for the kit.");
        level = fit::Level::Good;
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (level == fit::Level::Unknown)
        m_note->setStyleSheet(QString());
    else
        m_note->setStyleSheet(
            QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(fit::color(level).name()));
    m_choose->setAccessibleName(m_destination.name);
    m_choose->setAccessibleDescription(
        QStringList { m_space->text(), note }.join(QLatin1Char(' ')).trimmed());
}

bool DestinationTile::hasRoom() const
{
    return m_kitSize <= 0 || m_destination.freeBytes < 0 || m_destination.freeBytes >= m_kitSize;
}

int DestinationTile::partCount() const
{
    return isFat32(m_destination.fileSystem) && m_kitSize > 0 ? fat32PartCount(m_kitSize) : 1;
}

QString DestinationTile::note() const
{
    return m_note->text();
}

} // namespace ezr::gui
