// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QRadioButton;

namespace ezr::gui {

// A place a kit can be written to (a mounted volume or a folder), as the Export page shows it.
struct Destination
{
    QString name; // "KINGSTON 64 GB", "Home folder"
    QString path; // where the kit folder will be created
    qint64 freeBytes = -1;
    qint64 totalBytes = -1;
    QString fileSystem; // "vfat", "exfat", "ext4"
    bool removable = false;
};

// The largest file FAT32 can hold: 4 GiB − 1 byte.
constexpr qint64 fat32MaxFileBytes = (qint64(4) << 30) - 1;
bool isFat32(const QString &fileSystem);
// How many parts a kit of `bytes` is split into on FAT32 (1 when it needs no split).
int fat32PartCount(qint64 bytes);
// Removable drives first, then by name.
void sortDestinations(QList<Destination> &destinations);

// One destination: its name (a radio button to choose it), free / total space, the file system
// and what that means for the kit ("FAT32: will split into 3 parts", "Needs 2.1 GB more").
class DestinationTile : public QFrame
{
    Q_OBJECT

public:
    explicit DestinationTile(const Destination &destination, QWidget *parent = nullptr);

    const Destination &destination() const { return m_destination; }
    QRadioButton *chooser() const { return m_choose; }
    void setKitSize(qint64 bytes);
    bool hasRoom() const;
    int partCount() const;
    QString note() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    Destination m_destination;
    qint64 m_kitSize = -1;
    QRadioButton *m_choose;
    QLabel *m_space;
    QLabel *m_note;
};

} // namespace ezr::gui
