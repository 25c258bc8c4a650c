import { isEntityId } from '../api/identifiers';
import type { SeedGroup, SeedUser } from '../config';
import type { Db } from './openDatabase';

export interface User {
  userID: string;
  nickName: string;
}

export interface Group {
  groupID: string;
  name: string;
  members: User[];
}

/** Users, groups and membership: who exists and who may see a group's messages. */
export interface Directory {
  getUser(userID: string): User | undefined;
  listUsers(): User[];
  getGroup(groupID: string): Group | undefined;
  /** The groups `userID` belongs to, with their members. */
  listGroupsOf(userID: string): Group[];
  isMember(groupID: string, userID: string): boolean;
  membersOf(groupID: string): string[];
  /** Adds (never removes) the given users, groups and memberships; nicknames and names are updated. */
  seed(seed: { users: SeedUser[]; groups: SeedGroup[] }): void;
}

export function createDirectory(db: Db): Directory {
  const getUser = db.prepare<[string], { userID: string; nickName: string }>(
    'SELECT user_id AS userID, nick_name AS nickName FROM users WHERE user_id = ?',
  );
  const listUsers = db.prepare<[], User>(
    'SELECT user_id AS userID, nick_name AS nickName FROM users ORDER BY user_id',
  );
  const getGroup = db.prepare<[string], { groupID: string; name: string }>(
    'SELECT group_id AS groupID, name FROM chat_groups WHERE group_id = ?',
  );
  const groupsOf = db.prepare<[string], { groupID: string; name: string }>(
    `SELECT g.group_id AS groupID, g.name FROM chat_groups g
     JOIN group_members m ON m.group_id = g.group_id WHERE m.user_id = ? ORDER BY g.group_id`,
  );
  const members = db.prepare<[string], User>(
    `SELECT u.user_id AS userID, u.nick_name AS nickName FROM group_members m
     JOIN users u ON u.user_id = m.user_id WHERE m.group_id = ? ORDER BY u.user_id`,
  );
  const isMember = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM group_members WHERE group_id = ? AND user_id = ?',
  );
  const upsertUser = db.prepare<[string, string]>(
    'INSERT INTO users (user_id, nick_name) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET nick_name = excluded.nick_name',
  );
  const upsertGroup = db.prepare<[string, string]>(
    'INSERT INTO chat_groups (group_id, name) VALUES (?, ?) ON CONFLICT (group_id) DO UPDATE SET name = excluded.name',
  );
  const addMember = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)',
  );

  const withMembers = (group: { groupID: string; name: string }): Group => ({
    ...group,
    members: members.all(group.groupID),
  });

  return {
    getUser: (userID) => getUser.get(userID),
    listUsers: () => listUsers.all(),
    getGroup(groupID) {
      const group = getGroup.get(groupID);
      return group && withMembers(group);
    },
    listGroupsOf: (userID) => groupsOf.all(userID).map(withMembers),
    isMember: (groupID, userID) => isMember.get(groupID, userID) !== undefined,
    membersOf: (groupID) => members.all(groupID).map((member) => member.userID),
    seed: db.transaction((seed: { users: SeedUser[]; groups: SeedGroup[] }) => {
      for (const user of seed.users) {
        if (!isEntityId(user.userID)) throw new Error(`Seed user id "${user.userID}" is not a valid id.`);
        upsertUser.run(user.userID, user.nickName);
      }
      for (const group of seed.groups) {
        if (!isEntityId(group.groupID))
          throw new Error(`Seed group id "${group.groupID}" is not a valid id.`);
        upsertGroup.run(group.groupID, group.name);
        for (const member of group.members) {
          if (!getUser.get(member)) {
            throw new Error(`Seed group "${group.groupID}" lists "${member}", who is not a seed user.`);
          }
          addMember.run(group.groupID, member);
        }
      }
    }),
  };
}
